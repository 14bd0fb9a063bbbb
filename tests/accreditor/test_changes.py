from accreditor.changes import NOTHING, Changes, Topic


def test_nothing_is_falsy_and_touches_nothing():
    assert not NOTHING
    assert not NOTHING.touches(*Topic)
    assert not NOTHING.concerns(1)


def test_union_keeps_every_topic_and_guest():
    merged = Changes.of(Topic.CHECK_INS, guests=[1]) | Changes.of(Topic.PRINTS, guests=[2])
    assert merged.touches(Topic.PRINTS)
    assert merged.touches(Topic.CHECK_INS)
    assert not merged.touches(Topic.CATEGORIES)
    assert merged.concerns(1)
    assert merged.concerns(2)
    assert not merged.concerns(3)


def test_everything_concerns_every_guest_and_topic():
    everything = Changes.everything()
    assert everything.concerns(12345)
    assert all(everything.touches(topic) for topic in Topic)
    assert (NOTHING | Changes.of(Topic.GUESTS, all_guests=True)).concerns(7)

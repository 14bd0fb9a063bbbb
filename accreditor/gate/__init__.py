"""The security gate: a verdict for every badge scanned at a door, and the record of every scan.

`verdicts` decides (green, orange or red, with the reason) from a scan and the gate's context,
against a `GateSource`: the event database (`verdicts.EventSource`) or an offline gate package
(`package.GatePackage`, signed with the event key).  `offline_gate.Gate` is a gate at work: it
decides each scan and logs it (`scan_log`) before giving the verdict.  Logs of offline gates are
exported and merged back into the event (`merge`), so `occupancy` knows who is inside each zone
and `evacuation_pdf` prints the evacuation list.  The package format is in docs/gate-package.md.
"""

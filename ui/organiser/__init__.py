"""The organiser workspace: the weeks before the event — guests, accreditation, categories and zones."""

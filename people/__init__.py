"""People and where they work: accounts, regions, schools with their support rooms, roles.

It also owns scoping: which regions, schools and people a person may see or change.

Layer 1: imports only ``core``; every other app builds on it.
"""

// HallDocuments: see the target's files.

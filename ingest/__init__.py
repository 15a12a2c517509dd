"""File -> parsed document: readers per format, chunking, and limits on hostile input."""

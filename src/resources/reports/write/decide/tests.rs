//! The decision on one change, from stored rows built in memory (no database).

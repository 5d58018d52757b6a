"""Readers: turn files, directories, stdin and JSON Lines into `RawDocument`s."""

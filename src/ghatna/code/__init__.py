"""Claim coding: stages that pull quotes and quantities out of a document's text."""

"""Text stages: normalisation, language identification, segmentation."""

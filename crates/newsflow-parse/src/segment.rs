//! Story segmentation (owned by the segmentation work).

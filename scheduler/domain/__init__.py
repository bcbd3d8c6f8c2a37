"""The domain core: the standard's facts and arithmetic, solver-free and file-free."""

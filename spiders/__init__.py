"""One small module per site; the shared code lives in pressguard."""

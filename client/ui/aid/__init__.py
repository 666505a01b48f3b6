"""The scholarships, grants and loans screen 奖助贷 (over the local replica)."""

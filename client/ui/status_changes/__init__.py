"""Status changes 学籍异动 and cards and certificates 证件证书 (issue 5): list, drafting with a
live preview of the effects, approval, a student's timeline, batch promotion, printing."""

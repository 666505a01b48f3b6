"""Chinese glossaries per module: each file defines ``ZH`` (source → Chinese) and may define
``ZH_IN_CONTEXT`` ({(context, source): Chinese}); scripts/translations_zh.py merges them."""

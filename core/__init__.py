"""The foundation layer: plumbing every app uses, with no domain models.

Mail, PDF rendering, exports, storage, the cache backend, text and table helpers, safe
unpacking of uploads, the task policy and the home-link types live here. ``core`` imports
no app of the product; every app may import it.
"""

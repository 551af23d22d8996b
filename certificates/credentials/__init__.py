"""Verifiable credentials of certificates: the keys, the Open Badges 3.0 credential with its
Data Integrity proof, the site's DID document, and the Bitstring Status List."""

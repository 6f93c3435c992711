"""Identity: is an item already stored (GUID, canonical URL, content hash)?"""

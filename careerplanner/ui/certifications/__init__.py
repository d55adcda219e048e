"""The Certifications page: the list, one certification's detail, status icons."""

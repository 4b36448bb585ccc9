"""How the client's contact details for electronic communication must look."""

import re

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MOBILE = re.compile(r"^\+?\d{9,15}$")

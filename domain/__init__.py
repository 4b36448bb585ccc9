"""Pure domain: value objects, rules and errors. No I/O, no clock, no framework imports."""

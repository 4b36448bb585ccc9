"""Product catalogue (effective-dated product versions as data) and premium calculation. Pure domain, no I/O."""

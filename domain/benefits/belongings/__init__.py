"""Personal belongings and cards insurance (pojištění osobních věcí a karet), Plus / Rodina Plus.

Seed: personal-belongings-and-cards.txt – the framework contract No. 7720894995 as amended by
dodatek č. 5 ("Pojistná smlouva", čl. II–IV), the conditions PP 01/2022 and the public promise
(Veřejný příslib) of 1. 11. 2024.
"""

__version__ = "0.1.0"
from .corpus import Corpus
from . import extract, actors, timeline, comention, explore  # each stage adds its part of the Corpus

__version__ = "0.1.0"
from .corpus import Corpus
from . import extract, actors, timeline, periods, keydates, comention  # each stage adds its part of the Corpus
from .dataset import Dataset

def _explorer(name:str):
    "A stand-in for `Corpus.<name>` that imports the explorers (widgets, charts) on first use; the import replaces it."
    def open_explorer(self, *args, **kwargs):
        from . import explore
        return getattr(Corpus, name)(self, *args, **kwargs)
    open_explorer.__name__ = open_explorer.__qualname__ = name
    return open_explorer

if not hasattr(Corpus, 'explore_dates'):
    Corpus.explore_actors, Corpus.explore_dates = _explorer('explore_actors'), _explorer('explore_dates')

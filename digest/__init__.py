"""digest: a folder of news articles -> a dated PDF briefing of meetings, actors and positions."""

__version__ = "0.1.0"

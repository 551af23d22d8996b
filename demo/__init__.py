"""The demo programme: data files of places, people's names, courses, certificates,
supervision and the programme, and the code that builds them through the apps' services.

On top of every layer, including the shell; no app imports it.
"""

"""The ``videomv`` command line."""

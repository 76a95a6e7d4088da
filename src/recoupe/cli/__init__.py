"""The ``recoupe`` command line. Library errors become messages and exit codes only here."""

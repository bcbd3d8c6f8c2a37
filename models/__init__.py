"""The domain: a Kela standard, a course week and its timetable. No solver, no files."""

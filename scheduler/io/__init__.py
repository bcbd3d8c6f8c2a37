"""Reading and writing files: course files, the Excel form, plans, changes, timetables."""

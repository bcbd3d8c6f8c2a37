"""Why a course (or a plan, or a re-plan) cannot be timetabled, in words."""

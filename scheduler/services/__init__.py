"""The library's services: solve, re-plan and plan, each returning a checked result."""

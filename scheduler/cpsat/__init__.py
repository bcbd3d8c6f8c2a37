"""The CP-SAT model of a course week: variables, one module per rule family, objective, build."""

"""The margin model: scenario models, rule sets and tables, pools, solver, figures, sweeps."""

"""One module per resource; each holds an APIRouter with handlers of a few lines."""

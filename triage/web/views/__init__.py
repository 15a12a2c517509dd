"""One module per area of the pages, each an APIRouter of PageRoute handlers of a few lines;
their templates are in `triage/web/templates/<area>/`."""

"""The web pages officers use (server-rendered, GOV.UK Frontend), on the API's dependencies."""

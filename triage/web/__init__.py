"""The officers' web pages: server-rendered GOV.UK Frontend over the same core and access rules
as the API (`triage.api.deps`), mounted on the same app by `triage.web.app.install`."""

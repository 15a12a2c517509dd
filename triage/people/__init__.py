"""People and access: users with roles, their schools, passwords, tokens and the access rule."""

"""Value rules shared by server and client: each rule is called by both, the server's answer is final."""

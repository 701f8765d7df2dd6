import piimask

key = b"from the tenant's secret store!!"  # 32 bytes
scanner = piimask.Scanner(region="IN", key=key)
number = "+91 98765 43210"
token = scanner.redact(number, role="agent")  # what an agent sees: [PHONE:...]
vault = {token: number}  # the host's vault: a mapping, or a function token -> value or None


def audit(event):  # required: every attempt, allowed or not, never the value
    print("audit:", event["actor"], "as", event["role"], event["kind"], event["outcome"])


print(scanner.reveal(token, "phone", "supervisor", "agent-42", vault=vault, audit=audit))
try:
    scanner.reveal(token, "phone", "agent", "agent-42", vault=vault, audit=audit)
except piimask.RevealDeniedError as e:  # a piimask.Error; NotFoundError for unknown tokens
    print("denied:", e.message)

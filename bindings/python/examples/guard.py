import piimask

scanner = piimask.Scanner(region="IN")
guard = piimask.Guard(scanner, key=b"from the tenant's secret store!!")  # 32 bytes

guard.observe("c-1", "my number is 98765 43210")  # customers teach who owns what
guard.register("c-2", "email", "ravi@shop.in")  # or the host does

for conversation, reply in [
    ("c-1", "calling you on +91-98765-43210"),  # its own number: fine
    ("c-2", "ask wa.me/919876543210, he has it"),  # another customer's
    ("c-2", "or call me on 91234 56789"),  # nobody's: the agent's own?
]:
    result = guard.check(conversation, "agent-3", reply)
    print(conversation, result.action, [(e.rule, e.owners) for e in result.events])
    if result.action == "mask":
        print("  send:", result.text)

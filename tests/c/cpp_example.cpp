// A C++17 host: the C ABI behind RAII handles and exceptions.
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "piimask.h"

namespace piimask {

struct Error : std::runtime_error {
    explicit Error(piimask_status status) : std::runtime_error(describe(status)), status(status) {}
    piimask_status status;

  private:
    // The details of this thread's last failure (never scanned text).
    static std::string describe(piimask_status status) {
        std::string why(piimask_last_error(nullptr, 0), '\0');
        if (why.empty()) return piimask_status_message(status);
        piimask_last_error(why.data(), why.size() + 1);
        return why;
    }
};

inline void check(piimask_status status) {
    if (status != PIIMASK_STATUS_OK) throw Error(status);
}

struct Finding {
    std::string kind;
    size_t start, end; // UTF-8 byte offsets into the scanned text
    std::string normalized;
};

class Scanner {
  public:
    explicit Scanner(std::string_view config) {
        piimask_scanner *raw = nullptr;
        check(piimask_scanner_new(config.data(), config.size(), &raw));
        scanner_.reset(raw);
    }

    // Const and lock-free: one scanner serves every thread.
    std::vector<Finding> scan(std::string_view text) const {
        piimask_findings *raw = nullptr;
        check(piimask_scan(scanner_.get(), bytes(text), text.size(), nullptr, &raw));
        std::unique_ptr<piimask_findings, Free> findings(raw);
        std::vector<Finding> out;
        for (size_t i = 0; i < piimask_findings_len(raw); i++) {
            piimask_finding f;
            check(piimask_findings_get(raw, i, &f));
            out.push_back({piimask_scanner_kind_name(scanner_.get(), f.kind), f.start, f.end,
                           std::string(reinterpret_cast<const char *>(f.normalized), f.normalized_len)});
        }
        return out;
    }

    // Throws rather than return unmasked text.
    std::string redact(std::string_view text, const char *role = nullptr) const {
        piimask_bytes *raw = nullptr;
        check(piimask_redact(scanner_.get(), bytes(text), text.size(), nullptr, role, &raw));
        std::unique_ptr<piimask_bytes, Free> masked(raw);
        return {reinterpret_cast<const char *>(piimask_bytes_data(raw)), piimask_bytes_len(raw)};
    }

  private:
    struct Free {
        void operator()(piimask_scanner *p) const { piimask_scanner_free(p); }
        void operator()(piimask_findings *p) const { piimask_findings_free(p); }
        void operator()(piimask_bytes *p) const { piimask_bytes_free(p); }
    };
    static const uint8_t *bytes(std::string_view text) {
        return reinterpret_cast<const uint8_t *>(text.data());
    }
    std::unique_ptr<piimask_scanner, Free> scanner_;
};

} // namespace piimask

int main() {
    const piimask::Scanner scanner(R"({"region": "IN"})");
    for (const auto &f : scanner.scan("Call 98765 43210 or mail priya@example.in"))
        std::printf("%s [%zu, %zu) %s\n", f.kind.c_str(), f.start, f.end, f.normalized.c_str());

    const std::vector<std::string> messages = {"WhatsApp +44 20 7946 0958", "order #48213977",
                                               "UPI ravi.kumar@okaxis pls"};
    std::vector<std::string> masked(messages.size());
    std::vector<std::thread> threads;
    for (size_t i = 0; i < messages.size(); i++)
        threads.emplace_back([&, i] { masked[i] = scanner.redact(messages[i]); });
    for (auto &t : threads) t.join();
    for (const auto &m : masked) std::printf("%s\n", m.c_str());

    try {
        scanner.redact("call 98765 43210", "no-such-role");
    } catch (const piimask::Error &e) {
        std::printf("error %u: %s\n", static_cast<unsigned>(e.status), e.what());
    }
    return 0;
}

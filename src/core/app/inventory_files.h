// The files the inventory offers: the rows shown as CSV or JSON, and calendar reminders for
// the selected (or all active shown) tokens. Also which shown rows expire within 7 days.
// Pure functions of the state; App hands the result to the FileDownload capability.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/app/app_state.h"

namespace patdesk::app {

inline constexpr int kExpiringSoonDays = 7;

enum class ExportFormat { Csv, Json };

struct OfferedFile {
  std::string name;  // e.g. "patdesk-tokens-2026-12-02.csv"
  std::string mimeType;
  std::string content;
  size_t tokenCount = 0;
};

// Of `rows` (indices into state.tokens), the active ones that expire within 7 days.
std::vector<size_t> expiringSoonRows(const AppState& state, const std::vector<size_t>& rows,
                                     int64_t nowMs);

// Exactly `rows`, in their order.
OfferedFile inventoryFile(const AppState& state, const std::vector<size_t>& rows,
                          ExportFormat format, int64_t nowMs);

// The selected ones of `rows` when any is selected, else every row; either way only tokens
// still active (an expired or revoked token needs no reminder).
std::vector<size_t> reminderRows(const AppState& state, const std::vector<size_t>& rows,
                                 int64_t nowMs);
OfferedFile remindersFile(const AppState& state, const std::vector<size_t>& rows,
                          const std::string& pageUrl, int64_t nowMs);

}  // namespace patdesk::app

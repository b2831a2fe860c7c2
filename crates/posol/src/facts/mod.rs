//! Facts: money, percentages, numbers, ordinals, dates and times with parsed values.

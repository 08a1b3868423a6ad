"""Pure formatting functions: decree dates, Vietnamese numbers, labels and text."""

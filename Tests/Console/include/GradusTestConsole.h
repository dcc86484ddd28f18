// The test run's console settings are made before any test code runs; nothing here is called by name.

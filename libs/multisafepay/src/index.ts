// Public surface of the MultiSafepay gateway adapter. Apps import only from here.

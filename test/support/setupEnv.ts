// Tests are sealed from the outside world: a stray real HTTP call to another host is a bug.
process.env.LOG_LEVEL ??= 'silent';

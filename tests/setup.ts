import nock from 'nock';

// Tests never touch the network: anything not mocked by nock fails loudly,
// except loopback, where tests may run their own local servers.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

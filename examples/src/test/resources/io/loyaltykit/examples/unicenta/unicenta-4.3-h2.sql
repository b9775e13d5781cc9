-- The uniCenta oPOS tables the poller reads, with uniCenta's own table and column names, transcribed for
-- H2 from uniCenta's MySQL-create.sql ("Creating for version unicentaopos43", uniCenta oPOS 4.3):
-- mediumblob -> BLOB, datetime -> TIMESTAMP, bit(1) -> BOOLEAN. Every column of these tables is kept;
-- foreign keys are kept where they tie the ticket tables together.

CREATE TABLE categories (
    id varchar(255) NOT NULL,
    name varchar(255) NOT NULL,
    parentid varchar(255) DEFAULT NULL,
    image BLOB DEFAULT NULL,
    texttip varchar(255) DEFAULT NULL,
    catshowname smallint NOT NULL DEFAULT 1,
    catorder varchar(255) DEFAULT NULL,
    PRIMARY KEY (id),
    CONSTRAINT categories_name_inx UNIQUE (name)
);

CREATE TABLE taxes (
    id varchar(255) NOT NULL,
    name varchar(255) NOT NULL,
    category varchar(255) NOT NULL,
    custcategory varchar(255) DEFAULT NULL,
    parentid varchar(255) DEFAULT NULL,
    rate double NOT NULL DEFAULT 0,
    ratecascade BOOLEAN NOT NULL DEFAULT FALSE,
    rateorder int DEFAULT NULL,
    PRIMARY KEY (id),
    CONSTRAINT taxes_name_inx UNIQUE (name)
);

CREATE TABLE customers (
    id varchar(255) NOT NULL,
    searchkey varchar(255) NOT NULL,
    taxid varchar(255) DEFAULT NULL,
    name varchar(255) NOT NULL,
    taxcategory varchar(255) DEFAULT NULL,
    card varchar(255) DEFAULT NULL,
    maxdebt double NOT NULL DEFAULT 0,
    address varchar(255) DEFAULT NULL,
    address2 varchar(255) DEFAULT NULL,
    postal varchar(255) DEFAULT NULL,
    city varchar(255) DEFAULT NULL,
    region varchar(255) DEFAULT NULL,
    country varchar(255) DEFAULT NULL,
    firstname varchar(255) DEFAULT NULL,
    lastname varchar(255) DEFAULT NULL,
    email varchar(255) DEFAULT NULL,
    phone varchar(255) DEFAULT NULL,
    phone2 varchar(255) DEFAULT NULL,
    fax varchar(255) DEFAULT NULL,
    notes varchar(255) DEFAULT NULL,
    visible BOOLEAN NOT NULL DEFAULT TRUE,
    curdate TIMESTAMP DEFAULT NULL,
    curdebt double DEFAULT 0,
    image BLOB DEFAULT NULL,
    isvip BOOLEAN NOT NULL DEFAULT FALSE,
    discount double DEFAULT 0,
    memodate TIMESTAMP DEFAULT '1900-01-01 00:00:01',
    PRIMARY KEY (id),
    CONSTRAINT customers_skey_inx UNIQUE (searchkey)
);
CREATE INDEX customers_card_inx ON customers (card);

CREATE TABLE products (
    id varchar(255) NOT NULL,
    reference varchar(255) NOT NULL,
    code varchar(255) NOT NULL,
    codetype varchar(255) DEFAULT NULL,
    name varchar(255) NOT NULL,
    pricebuy double NOT NULL DEFAULT 0,
    pricesell double NOT NULL DEFAULT 0,
    category varchar(255) NOT NULL,
    taxcat varchar(255) NOT NULL,
    attributeset_id varchar(255) DEFAULT NULL,
    stockcost double NOT NULL DEFAULT 0,
    stockvolume double NOT NULL DEFAULT 0,
    image BLOB DEFAULT NULL,
    iscom BOOLEAN NOT NULL DEFAULT FALSE,
    isscale BOOLEAN NOT NULL DEFAULT FALSE,
    isconstant BOOLEAN NOT NULL DEFAULT FALSE,
    printkb BOOLEAN NOT NULL DEFAULT FALSE,
    sendstatus BOOLEAN NOT NULL DEFAULT FALSE,
    isservice BOOLEAN NOT NULL DEFAULT FALSE,
    attributes BLOB DEFAULT NULL,
    display varchar(255) DEFAULT NULL,
    isvprice smallint NOT NULL DEFAULT 0,
    isverpatrib smallint NOT NULL DEFAULT 0,
    texttip varchar(255) DEFAULT NULL,
    warranty smallint NOT NULL DEFAULT 0,
    stockunits double NOT NULL DEFAULT 0,
    printto varchar(255) DEFAULT '1',
    supplier varchar(255) DEFAULT NULL,
    uom varchar(255) DEFAULT '0',
    memodate TIMESTAMP DEFAULT '1900-01-01 00:00:01',
    PRIMARY KEY (id),
    CONSTRAINT products_inx_0 UNIQUE (reference),
    CONSTRAINT products_inx_1 UNIQUE (code),
    CONSTRAINT products_fk_1 FOREIGN KEY (category) REFERENCES categories (id)
);

CREATE TABLE receipts (
    id varchar(255) NOT NULL,
    money varchar(255) NOT NULL,
    datenew TIMESTAMP NOT NULL,
    attributes BLOB DEFAULT NULL,
    person varchar(255) DEFAULT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX receipts_inx_1 ON receipts (datenew);

CREATE TABLE tickets (
    id varchar(255) NOT NULL,
    tickettype int NOT NULL DEFAULT 0,
    ticketid int NOT NULL,
    person varchar(255) NOT NULL,
    customer varchar(255) DEFAULT NULL,
    status int NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT tickets_fk_id FOREIGN KEY (id) REFERENCES receipts (id),
    CONSTRAINT tickets_customers_fk FOREIGN KEY (customer) REFERENCES customers (id)
);
CREATE INDEX tickets_ticketid ON tickets (tickettype, ticketid);

CREATE TABLE ticketlines (
    ticket varchar(255) NOT NULL,
    line int NOT NULL,
    product varchar(255) DEFAULT NULL,
    attributesetinstance_id varchar(255) DEFAULT NULL,
    units double NOT NULL,
    price double NOT NULL,
    taxid varchar(255) NOT NULL,
    attributes BLOB DEFAULT NULL,
    PRIMARY KEY (ticket, line),
    CONSTRAINT ticketlines_fk_ticket FOREIGN KEY (ticket) REFERENCES tickets (id),
    CONSTRAINT ticketlines_fk_2 FOREIGN KEY (product) REFERENCES products (id),
    CONSTRAINT ticketlines_fk_3 FOREIGN KEY (taxid) REFERENCES taxes (id)
);

CREATE TABLE payments (
    id varchar(255) NOT NULL,
    receipt varchar(255) NOT NULL,
    payment varchar(255) NOT NULL,
    total double NOT NULL DEFAULT 0,
    tip double DEFAULT 0,
    transid varchar(255) DEFAULT NULL,
    isprocessed BOOLEAN DEFAULT FALSE,
    returnmsg BLOB DEFAULT NULL,
    notes varchar(255) DEFAULT NULL,
    tendered double DEFAULT NULL,
    cardname varchar(255) DEFAULT NULL,
    voucher varchar(255) DEFAULT NULL,
    PRIMARY KEY (id),
    CONSTRAINT payments_fk_receipt FOREIGN KEY (receipt) REFERENCES receipts (id)
);
CREATE INDEX payments_inx_1 ON payments (payment);

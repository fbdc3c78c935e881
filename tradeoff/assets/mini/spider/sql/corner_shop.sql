-- corner_shop: a neighbourhood grocery (suppliers, products, customers, purchases).
-- Written for the tradeoff mini benchmark; fictional content.
PRAGMA foreign_keys = ON;

CREATE TABLE supplier (
  supplier_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT,
  phone TEXT
);

CREATE TABLE product (
  product_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  category TEXT,
  price REAL,
  supplier_id INTEGER,
  stock INTEGER,
  FOREIGN KEY (supplier_id) REFERENCES supplier(supplier_id)
);

CREATE TABLE customer (
  customer_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT,
  city TEXT,
  loyalty_points INTEGER
);

CREATE TABLE purchase (
  purchase_id INTEGER PRIMARY KEY,
  customer_id INTEGER,
  purchase_date TEXT,
  payment_method TEXT,
  FOREIGN KEY (customer_id) REFERENCES customer(customer_id)
);

CREATE TABLE purchase_item (
  purchase_id INTEGER,
  product_id INTEGER,
  quantity INTEGER,
  PRIMARY KEY (purchase_id, product_id),
  FOREIGN KEY (purchase_id) REFERENCES purchase(purchase_id),
  FOREIGN KEY (product_id) REFERENCES product(product_id)
);

INSERT INTO supplier VALUES (1, 'Green Valley Farms', 'Canada', '555-0101');
INSERT INTO supplier VALUES (2, 'Northwind Foods', 'United States', '555-0134');
INSERT INTO supplier VALUES (3, 'Casa Bonita Imports', 'Mexico', '555-0178');
INSERT INTO supplier VALUES (4, 'Alpine Dairy Co', 'Switzerland', '555-0192');
INSERT INTO supplier VALUES (5, 'Sunrise Bakery Supply', 'United States', '555-0150');

INSERT INTO product VALUES (1, 'Whole Milk 1L', 'Dairy', 1.49, 4, 40);
INSERT INTO product VALUES (2, 'Cheddar Cheese 200g', 'Dairy', 3.99, 4, 25);
INSERT INTO product VALUES (3, 'Greek Yogurt 500g', 'Dairy', 2.79, 4, 18);
INSERT INTO product VALUES (4, 'Sourdough Loaf', 'Bakery', 4.25, 5, 12);
INSERT INTO product VALUES (5, 'Croissant', 'Bakery', 1.20, 5, 30);
INSERT INTO product VALUES (6, 'Apples 1kg', 'Produce', 2.99, 1, 35);
INSERT INTO product VALUES (7, 'Carrots 1kg', 'Produce', 1.59, 1, 28);
INSERT INTO product VALUES (8, 'Tortilla Chips', 'Snacks', 2.49, 3, 22);
INSERT INTO product VALUES (9, 'Salsa Verde', 'Snacks', 3.29, 3, 15);
INSERT INTO product VALUES (10, 'Orange Juice 1L', 'Beverages', 3.49, 2, 20);
INSERT INTO product VALUES (11, 'Sparkling Water 6-pack', 'Beverages', 4.99, 2, 16);
INSERT INTO product VALUES (12, 'Peanut Butter', 'Pantry', 3.79, 2, 14);
INSERT INTO product VALUES (13, 'Rolled Oats 1kg', 'Pantry', 2.59, 1, 19);
INSERT INTO product VALUES (14, 'Dark Chocolate Bar', 'Snacks', 2.19, 4, 0);

INSERT INTO customer VALUES (1, 'Nora Ellis', 'nora.ellis@example.com', 'Brookfield', 120);
INSERT INTO customer VALUES (2, 'Omar Haddad', 'omar.haddad@example.com', 'Westport', 45);
INSERT INTO customer VALUES (3, 'Paula Schmidt', 'paula.schmidt@example.com', 'Brookfield', 310);
INSERT INTO customer VALUES (4, 'Quentin Hale', 'quentin.hale@example.com', 'Millbrook', 0);
INSERT INTO customer VALUES (5, 'Rosa Jimenez', 'rosa.jimenez@example.com', 'Westport', 275);
INSERT INTO customer VALUES (6, 'Simon Lark', 'simon.lark@example.com', 'Millbrook', 60);
INSERT INTO customer VALUES (7, 'Tara Walsh', 'tara.walsh@example.com', 'Brookfield', 185);
INSERT INTO customer VALUES (8, 'Umar Sheikh', 'umar.sheikh@example.com', 'Westport', 20);

INSERT INTO purchase VALUES (1, 1, '2024-03-01', 'Card');
INSERT INTO purchase VALUES (2, 2, '2024-03-01', 'Cash');
INSERT INTO purchase VALUES (3, 3, '2024-03-02', 'Card');
INSERT INTO purchase VALUES (4, 1, '2024-03-04', 'Mobile');
INSERT INTO purchase VALUES (5, 5, '2024-03-05', 'Card');
INSERT INTO purchase VALUES (6, 6, '2024-03-05', 'Cash');
INSERT INTO purchase VALUES (7, 3, '2024-03-07', 'Mobile');
INSERT INTO purchase VALUES (8, 7, '2024-03-08', 'Card');
INSERT INTO purchase VALUES (9, 5, '2024-03-09', 'Cash');
INSERT INTO purchase VALUES (10, 2, '2024-03-10', 'Card');
INSERT INTO purchase VALUES (11, 3, '2024-03-11', 'Card');
INSERT INTO purchase VALUES (12, 8, '2024-03-12', 'Cash');

INSERT INTO purchase_item VALUES (1, 1, 2);
INSERT INTO purchase_item VALUES (1, 4, 1);
INSERT INTO purchase_item VALUES (1, 6, 1);
INSERT INTO purchase_item VALUES (2, 8, 1);
INSERT INTO purchase_item VALUES (2, 9, 1);
INSERT INTO purchase_item VALUES (3, 2, 1);
INSERT INTO purchase_item VALUES (3, 3, 2);
INSERT INTO purchase_item VALUES (3, 10, 1);
INSERT INTO purchase_item VALUES (4, 5, 4);
INSERT INTO purchase_item VALUES (4, 1, 1);
INSERT INTO purchase_item VALUES (5, 11, 2);
INSERT INTO purchase_item VALUES (5, 12, 1);
INSERT INTO purchase_item VALUES (6, 7, 2);
INSERT INTO purchase_item VALUES (6, 13, 1);
INSERT INTO purchase_item VALUES (7, 1, 3);
INSERT INTO purchase_item VALUES (7, 6, 2);
INSERT INTO purchase_item VALUES (8, 4, 1);
INSERT INTO purchase_item VALUES (8, 10, 2);
INSERT INTO purchase_item VALUES (9, 8, 2);
INSERT INTO purchase_item VALUES (9, 9, 1);
INSERT INTO purchase_item VALUES (9, 11, 1);
INSERT INTO purchase_item VALUES (10, 5, 2);
INSERT INTO purchase_item VALUES (11, 2, 2);
INSERT INTO purchase_item VALUES (11, 12, 1);
INSERT INTO purchase_item VALUES (12, 10, 1);
INSERT INTO purchase_item VALUES (12, 1, 1);

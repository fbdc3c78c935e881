-- vet_clinic: owners, pets, veterinarians and visits of a small animal clinic.
-- Written for the tradeoff mini benchmark; fictional content.
PRAGMA foreign_keys = ON;

CREATE TABLE owner (
  owner_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  city TEXT,
  phone TEXT
);

CREATE TABLE pet (
  pet_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  species TEXT,
  breed TEXT,
  birth_year INTEGER,
  weight REAL,
  owner_id INTEGER,
  FOREIGN KEY (owner_id) REFERENCES owner(owner_id)
);

CREATE TABLE vet (
  vet_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  specialty TEXT,
  years_experience INTEGER
);

CREATE TABLE visit (
  visit_id INTEGER PRIMARY KEY,
  pet_id INTEGER,
  vet_id INTEGER,
  visit_date TEXT,
  reason TEXT,
  cost REAL,
  FOREIGN KEY (pet_id) REFERENCES pet(pet_id),
  FOREIGN KEY (vet_id) REFERENCES vet(vet_id)
);

INSERT INTO owner VALUES (1, 'Grace Holt', 'Ashford', '555-0201');
INSERT INTO owner VALUES (2, 'Ivan Petrenko', 'Ashford', '555-0202');
INSERT INTO owner VALUES (3, 'Julia Banks', 'Milton', '555-0203');
INSERT INTO owner VALUES (4, 'Karim Aziz', 'Milton', '555-0204');
INSERT INTO owner VALUES (5, 'Lena Ford', 'Ashford', '555-0205');
INSERT INTO owner VALUES (6, 'Martin Shaw', 'Dunmore', '555-0206');
INSERT INTO owner VALUES (7, 'Nadia Costa', 'Dunmore', '555-0207');
INSERT INTO owner VALUES (8, 'Oscar Lind', 'Milton', '555-0208');

INSERT INTO pet VALUES (1, 'Biscuit', 'Dog', 'Beagle', 2018, 11.2, 1);
INSERT INTO pet VALUES (2, 'Luna', 'Cat', 'Siamese', 2020, 4.1, 1);
INSERT INTO pet VALUES (3, 'Max', 'Dog', 'Labrador', 2016, 32.5, 2);
INSERT INTO pet VALUES (4, 'Pepper', 'Rabbit', 'Lop', 2022, 2.3, 3);
INSERT INTO pet VALUES (5, 'Shadow', 'Cat', 'Maine Coon', 2017, 7.8, 4);
INSERT INTO pet VALUES (6, 'Rocky', 'Dog', 'Boxer', 2019, 29.0, 5);
INSERT INTO pet VALUES (7, 'Mochi', 'Cat', 'Persian', 2021, 3.9, 6);
INSERT INTO pet VALUES (8, 'Kiwi', 'Bird', 'Budgerigar', 2022, 0.04, 6);
INSERT INTO pet VALUES (9, 'Bella', 'Dog', 'Poodle', 2015, 6.5, 7);
INSERT INTO pet VALUES (10, 'Ginger', 'Cat', 'Tabby', 2019, 5.2, 3);
INSERT INTO pet VALUES (11, 'Nibbles', 'Hamster', 'Syrian', 2023, 0.15, 7);
INSERT INTO pet VALUES (12, 'Duke', 'Dog', 'German Shepherd', 2020, 35.1, 4);

INSERT INTO vet VALUES (1, 'Amelia Grant', 'General Practice', 15);
INSERT INTO vet VALUES (2, 'Ben Okoro', 'Surgery', 9);
INSERT INTO vet VALUES (3, 'Carla Ruiz', 'Dentistry', 6);
INSERT INTO vet VALUES (4, 'David Lowe', 'Exotic Animals', 12);
INSERT INTO vet VALUES (5, 'Erin Walsh', 'Dermatology', 3);

INSERT INTO visit VALUES (1, 1, 1, '2024-01-08', 'Vaccination', 45.0);
INSERT INTO visit VALUES (2, 2, 1, '2024-01-10', 'Checkup', 60.0);
INSERT INTO visit VALUES (3, 3, 2, '2024-01-15', 'Knee surgery', 850.0);
INSERT INTO visit VALUES (4, 4, 4, '2024-01-22', 'Checkup', 55.0);
INSERT INTO visit VALUES (5, 5, 3, '2024-02-02', 'Dental cleaning', 180.0);
INSERT INTO visit VALUES (6, 6, 1, '2024-02-05', 'Vaccination', 45.0);
INSERT INTO visit VALUES (7, 7, 5, '2024-02-14', 'Skin allergy', 95.0);
INSERT INTO visit VALUES (8, 8, 4, '2024-02-20', 'Wing injury', 70.0);
INSERT INTO visit VALUES (9, 9, 3, '2024-03-01', 'Dental cleaning', 165.0);
INSERT INTO visit VALUES (10, 1, 2, '2024-03-06', 'Wound stitching', 240.0);
INSERT INTO visit VALUES (11, 2, 1, '2024-03-12', 'Vaccination', 45.0);
INSERT INTO visit VALUES (12, 12, 2, '2024-03-18', 'Hip surgery', 1200.0);
INSERT INTO visit VALUES (13, 3, 1, '2024-03-25', 'Checkup', 60.0);
INSERT INTO visit VALUES (14, 11, 4, '2024-04-02', 'Checkup', 50.0);
INSERT INTO visit VALUES (15, 6, 5, '2024-04-09', 'Skin allergy', 110.0);
INSERT INTO visit VALUES (16, 5, 1, '2024-04-15', 'Vaccination', 45.0);
